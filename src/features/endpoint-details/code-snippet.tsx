// One code tab of the Query dialog: the code as text, and a Copy button.
import { CopyButton } from '../../components/copy-button'
import styles from './query-dialog.module.css'

export function CodeSnippet({ code, language }: { code: string; language: string }) {
  return (
    <div className={styles.code}>
      <div className={styles.codeBar}>
        <span>{language}</span>
        <CopyButton text={code} label="Copy" />
      </div>
      <pre className={styles.pre} aria-label={`${language} code`}>
        <code>{code}</code>
      </pre>
    </div>
  )
}
