import { Switch } from '@nutui/nutui-react-taro'

interface LabelledSwitchProps {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
}

// On H5 NutUI writes `aria-role` and `tab-index`, which browsers and screen readers ignore (and axe calls invalid);
// put the real attributes in their place. WeChat understands `aria-role`, so leave the mini-program alone.
const H5_ATTRIBUTES =
  process.env.TARO_ENV === 'h5'
    ? ({ ariaRole: undefined, tabIndex: undefined, role: 'switch', tabindex: 0 } as object)
    : {}

/** NutUI's Switch with an accessible name and ARIA attributes a browser understands. */
export default function LabelledSwitch({ label, checked, onChange }: LabelledSwitchProps) {
  return <Switch checked={checked} onChange={onChange} ariaLabel={label} {...H5_ATTRIBUTES} />
}
