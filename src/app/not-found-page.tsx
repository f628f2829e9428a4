import { Link } from 'react-router'
import { useDocumentTitle } from '../lib/use-document-title'
import styles from './layout.module.css'

export function NotFoundPage() {
  useDocumentTitle('Page not found')
  return (
    <div className={styles.notFound}>
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link to="/ml/endpoints">Go to Serving endpoints</Link>
    </div>
  )
}
