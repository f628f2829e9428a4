import { Component, type ErrorInfo, type ReactNode } from 'react'
import { Alert } from './alert'
import { Button } from './button'

interface State {
  error?: Error
}

/** Keeps one failing panel from blanking the app shell. */
export class PanelErrorBoundary extends Component<{ children: ReactNode; title?: string }, State> {
  override state: State = {}

  static getDerivedStateFromError(error: Error): State {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack)
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <Alert
        title={this.props.title ?? 'Something went wrong'}
        actions={<Button onClick={() => this.setState({ error: undefined })}>Try again</Button>}
      >
        {this.state.error.message}
      </Alert>
    )
  }
}
