import { Text, View } from '@tarojs/components'
import type { RoundView } from '../../../domain/goodpeople'
import { PhaseChip } from './round'
import './round-list.scss'

interface RoundListProps {
  rounds: RoundView[]
  chosenId: number | null
  onChoose: (id: number) => void
}

/** Every round with its phase; the one being looked at is marked. */
export default function RoundList({ rounds, chosenId, onChoose }: RoundListProps) {
  return (
    <View className='gp-rounds' role='radiogroup' aria-label='评选轮次'>
      {rounds.map((r) => (
        <View
          key={r.id}
          role='radio'
          aria-checked={r.id === chosenId}
          className={`gp-rounds__item${r.id === chosenId ? ' gp-rounds__item--on' : ''}`}
          onClick={() => onChoose(r.id)}
        >
          <Text className='gp-rounds__title'>{r.title}</Text>
          <PhaseChip phase={r.phase} />
        </View>
      ))}
    </View>
  )
}
