// An action the user's permission level does not allow: it stays in its place, announced as
// unavailable (aria-disabled keeps it focusable) and described by the note that says why.
import { Button } from '../../components/button'

export function LockedAction({ label, reasonId }: { label: string; reasonId: string }) {
  return (
    <Button aria-disabled="true" aria-describedby={reasonId}>
      {label}
    </Button>
  )
}
