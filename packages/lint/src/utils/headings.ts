/** Strips numbering (一、 （一） 1. 第一部分) and spaces from a heading. */
export function normaliseHeading(heading: string): string {
  return heading
    .replace(/[\s\u3000]+/g, '')
    .replace(/^(?:第[一二三四五六七八九十]+部分|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．])/, '')
    .replace(/[：:。]$/, '');
}
