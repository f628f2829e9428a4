// Tabs on Radix: arrow keys move between tabs, the panel is labelled by its tab.
import * as RadixTabs from '@radix-ui/react-tabs'
import type { ComponentProps } from 'react'
import styles from './tabs.module.css'

export const Tabs = RadixTabs.Root

export function TabList({ className, ...props }: ComponentProps<typeof RadixTabs.List>) {
  return <RadixTabs.List className={`${styles.list} ${className ?? ''}`} {...props} />
}

export function Tab({ className, ...props }: ComponentProps<typeof RadixTabs.Trigger>) {
  return <RadixTabs.Trigger className={`${styles.tab} ${className ?? ''}`} {...props} />
}

export function TabPanel({ className, ...props }: ComponentProps<typeof RadixTabs.Content>) {
  return <RadixTabs.Content className={`${styles.panel} ${className ?? ''}`} {...props} />
}
