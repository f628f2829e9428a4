// Small inline icons; decorative (aria-hidden), the text beside them carries the meaning.
import type { SVGProps } from 'react'

type IconProps = SVGProps<SVGSVGElement>

const base = (props: IconProps) => ({
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
  ...props,
})

export const CheckIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <circle cx="8" cy="8" r="6.5" />
    <path d="M5 8.2l2 2 4-4.2" />
  </svg>
)
export const CircleIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <circle cx="8" cy="8" r="6.5" strokeDasharray="2.5 2" />
  </svg>
)
export const SpinnerIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <path d="M8 1.5a6.5 6.5 0 1 1-6.5 6.5" />
  </svg>
)
export const ErrorIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <circle cx="8" cy="8" r="6.5" />
    <path d="M8 4.5v4M8 11v.01" />
  </svg>
)
export const WarnIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <path d="M8 1.8l6.5 11.7h-13z" />
    <path d="M8 6.5v3M8 11.6v.01" />
  </svg>
)
export const CloseIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <path d="M4 4l8 8M12 4l-8 8" />
  </svg>
)
export const PlusIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <path d="M8 3v10M3 8h10" />
  </svg>
)
export const CopyIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <rect x="5" y="5" width="8.5" height="8.5" rx="1" />
    <path d="M11 5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h2" />
  </svg>
)
export const ServingIcon = (props: IconProps) => (
  <svg {...base(props)}>
    <rect x="2" y="2.5" width="12" height="4" rx="1" />
    <rect x="2" y="9.5" width="12" height="4" rx="1" />
    <path d="M4.5 4.5h.01M4.5 11.5h.01" />
  </svg>
)
export const SortIcon = ({ direction, ...props }: IconProps & { direction: 'ascending' | 'descending' | 'none' }) => (
  <svg {...base(props)}>
    {direction !== 'descending' && <path d="M5 6.5l3-3 3 3" opacity={direction === 'none' ? 0.4 : 1} />}
    {direction !== 'ascending' && <path d="M5 9.5l3 3 3-3" opacity={direction === 'none' ? 0.4 : 1} />}
  </svg>
)
