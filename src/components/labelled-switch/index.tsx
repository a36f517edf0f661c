import { Switch } from '@nutui/nutui-react-taro'
import { View } from '@tarojs/components'
import './index.scss'

interface LabelledSwitchProps {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
}

// The box around NutUI's switch is the switch for screen readers and takes the tap; NutUI's own element is only drawn,
// out of the tab order (-1: on H5 an undefined tabIndex would still come out as 0). On H5 the box needs the real
// `tabindex` attribute.
const FOCUSABLE = process.env.TARO_ENV === 'h5' ? ({ tabindex: 0 } as object) : {}
const DRAWN_ONLY = {
  ariaRole: undefined,
  ariaChecked: undefined,
  ariaDisabled: undefined,
  tabIndex: -1,
} as object

/**
 * NutUI's Switch with an accessible name, in a box 44 px tall that takes the tap: the switch itself is drawn at
 * 46 × 28 px, too small a target on its own.
 */
export default function LabelledSwitch({ label, checked, onChange }: LabelledSwitchProps) {
  return (
    <View
      className='labelled-switch'
      role='switch'
      aria-checked={checked}
      aria-label={label}
      onClick={() => onChange(!checked)}
      {...FOCUSABLE}
    >
      <Switch className='labelled-switch__drawn' checked={checked} {...DRAWN_ONLY} />
    </View>
  )
}
