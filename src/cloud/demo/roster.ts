import type { Role } from '../../domain/roles'
import type { NewEmployee } from '../store/types'

export const DEMO_DEPARTMENTS = [
  '办公室',
  '机关党委',
  '政策法规科',
  '应急指挥中心',
  '安全生产监管科',
  '防灾减灾救灾科',
  '财务审计科',
  '人事教育科',
] as const

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = [
  '建国',
  '志强',
  '秀英',
  '丽华',
  '海燕',
  '文博',
  '晓明',
  '红梅',
  '国栋',
  '雪梅',
  '立新',
  '静怡',
  '子涵',
  '浩然',
  '思远',
  '佳琪',
  '俊杰',
  '欣怡',
  '明轩',
  '雨桐',
  '卫东',
  '春燕',
  '振华',
  '玉兰',
  '德胜',
  '慧敏',
  '鹏飞',
  '婷婷',
  '宏伟',
  '淑珍',
  '永刚',
  '丹丹',
  '晨阳',
  '诗雨',
  '天宇',
  '梦琪',
  '一鸣',
  '若曦',
  '嘉豪',
  '晓雯',
]

/** The demo roster: E0001…E0200 spread over the departments; E0001 an administrator, a few organizers. */
export function buildDemoRoster(count = 200): NewEmployee[] {
  const rows: NewEmployee[] = []
  for (let i = 1; i <= count; i++) {
    const employeeNo = `E${String(i).padStart(4, '0')}`
    const name = SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 13) % GIVEN.length]
    const department = DEMO_DEPARTMENTS[(i - 1) % DEMO_DEPARTMENTS.length]
    let role: Role = 'employee'
    if (i === 1) role = 'admin'
    else if (i <= 1 + DEMO_DEPARTMENTS.length) role = 'organizer'
    rows.push({ employeeNo, name, department, role, phone: `139${String(10000000 + i * 7919).slice(-8)}` })
  }
  return rows
}
