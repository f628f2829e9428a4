import type { EndpointState, ServedEntityOutput } from '../api/types'
import { toUiStatus, type UpdatePhase } from '../lib/endpoint-status'
import { CheckIcon, CircleIcon, ErrorIcon, SpinnerIcon, WarnIcon } from './icons'
import styles from './state-badge.module.css'

const UPDATE_STYLE: Record<UpdatePhase, { className: string; Icon: typeof CheckIcon }> = {
  'in-progress': { className: styles.info, Icon: SpinnerIcon },
  failed: { className: styles.error, Icon: ErrorIcon },
  canceled: { className: styles.warn, Icon: WarnIcon },
}

/** Ready / Not ready, and the config-update status beside it: icon and text, never colour alone. */
export function StateBadges({ state, entities }: { state: EndpointState; entities?: readonly ServedEntityOutput[] }) {
  const status = toUiStatus(state, entities)
  const update = status.update && UPDATE_STYLE[status.update.phase]
  return (
    <span className={styles.badges}>
      <span className={`${styles.badge} ${status.ready ? styles.ok : styles.neutral}`}>
        {status.ready ? <CheckIcon className={styles.icon} /> : <CircleIcon className={styles.icon} />}
        {status.label}
      </span>
      {status.update && update && (
        <span className={`${styles.badge} ${update.className}`}>
          <update.Icon className={`${styles.icon} ${status.update.phase === 'in-progress' ? styles.spin : ''}`} />
          {status.update.label}
        </span>
      )}
    </span>
  )
}
