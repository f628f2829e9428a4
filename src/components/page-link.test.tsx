import { fireEvent, render, screen } from '@testing-library/react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { Button } from './button'
import { PageLink } from './page-link'
import { PagePreloadProvider, usePreloadOnIntent } from './page-preload'

function EditButton() {
  return <Button {...usePreloadOnIntent('/ml/endpoints/churn/edit')}>Edit endpoint</Button>
}

function renderWith(preload: (path: string) => void) {
  render(
    <MemoryRouter>
      <PagePreloadProvider value={preload}>
        <PageLink to="/ml/endpoints/churn">churn</PageLink>
        <EditButton />
      </PagePreloadProvider>
    </MemoryRouter>,
  )
}

describe('PageLink and usePreloadOnIntent', () => {
  it('start loading the page behind a link or button when it is hovered or focused, before any click', () => {
    const preload = vi.fn<(path: string) => void>()
    renderWith(preload)
    fireEvent.pointerEnter(screen.getByRole('link', { name: 'churn' }))
    expect(preload).toHaveBeenLastCalledWith('/ml/endpoints/churn')
    screen.getByRole('button', { name: 'Edit endpoint' }).focus()
    expect(preload).toHaveBeenLastCalledWith('/ml/endpoints/churn/edit')
    expect(preload).toHaveBeenCalledTimes(2)
  })

  it('load nothing while the pointer only passes elsewhere', () => {
    const preload = vi.fn<(path: string) => void>()
    renderWith(preload)
    fireEvent.pointerEnter(document.body)
    expect(preload).not.toHaveBeenCalled()
  })
})
