// The Query dialog's tabs, loaded when the dialog opens: send from the browser, or copy curl, Python or SQL.
import { useMemo, useState } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import type { ServingEndpointDetailed } from '../../api/types'
import { currentBackend } from '../../app/backend'
import { Tab, TabList, TabPanel, Tabs } from '../../components/tabs'
import { CodeSnippet } from './code-snippet'
import { QueryBrowserTab } from './query-browser-tab'
import type { ParsedQuery, QueryFormValues } from './query-schema'
import { buildSnippets, workspaceOrigin } from './query-snippets'

export interface QueryTabsProps {
  endpoint: ServingEndpointDetailed
  form: UseFormReturn<QueryFormValues, unknown, ParsedQuery>
  example: () => QueryFormValues
}

export default function QueryTabs({ endpoint, form, example }: QueryTabsProps) {
  const snippets = useMemo(() => buildSnippets(endpoint, workspaceOrigin(currentBackend(), window.location.origin)), [endpoint])
  const [tab, setTab] = useState('browser')
  return (
    <Tabs value={tab} onValueChange={setTab}>
      <TabList aria-label="Ways to query">
        <Tab value="browser">Browser</Tab>
        <Tab value="curl">curl</Tab>
        <Tab value="python">Python</Tab>
        <Tab value="sql">SQL</Tab>
      </TabList>
      {/* Kept mounted (Radix then leaves hiding it to us): a response or a stream in progress survives a look at the code. */}
      <TabPanel value="browser" forceMount hidden={tab !== 'browser'}>
        <QueryBrowserTab endpoint={endpoint} form={form} example={example} />
      </TabPanel>
      <TabPanel value="curl">
        <CodeSnippet code={snippets.curl} language="Shell" />
      </TabPanel>
      <TabPanel value="python">
        <CodeSnippet code={snippets.python} language="Python" />
      </TabPanel>
      <TabPanel value="sql">
        <CodeSnippet code={snippets.sql} language="SQL" />
      </TabPanel>
    </Tabs>
  )
}
