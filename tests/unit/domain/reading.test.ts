import { normalizeBookKey, splitBookText } from '../../../src/domain/reading'

describe('how people type a book', () => {
  it.each([
    ['《平凡的世界》 路遥', '平凡的世界', '路遥'],
    ['平凡的世界（路遥）', '平凡的世界', '路遥'],
    ['平凡的世界(路遥著)', '平凡的世界', '路遥'],
    ['《平凡的世界》（路遥）', '平凡的世界', '路遥'],
    ['平凡的世界 / 路遥', '平凡的世界', '路遥'],
    ['平凡的世界——路遥', '平凡的世界', '路遥'],
    ['《红星照耀中国》', '红星照耀中国', ''],
  ])('reads %s as title %s and author %s', (text, title, author) => {
    expect(splitBookText(text)).toEqual({ title, author })
  })
})

describe('one book, however typed', () => {
  const key = (text: string) => {
    const { title, author } = splitBookText(text)
    return normalizeBookKey(title, author)
  }

  it('makes 《平凡的世界》 路遥 and 平凡的世界（路遥） the same entry', () => {
    expect(key('《平凡的世界》 路遥')).toBe(key('平凡的世界（路遥）'))
  })

  it('ignores full-width letters, case and spaces', () => {
    expect(normalizeBookKey('Ｔｈｅ Three-Body Problem', 'Liu Cixin')).toBe(
      normalizeBookKey('the threebody problem', 'LIU CIXIN'),
    )
  })

  it('keeps different authors of the same title apart', () => {
    expect(normalizeBookKey('论语', '杨伯峻')).not.toBe(normalizeBookKey('论语', '钱穆'))
  })
})
