import { national2021 } from '@xxgk/schema/templates';

/** Hand-made table-3 values for a small 2021 report (balanced: I1, I2, I3 hold). */
export const T3: Record<string, number[]> = {
  'applications.newReceived': [18, 1, 0, 0, 0, 2, 21],
  'applications.carriedOver': [1, 0, 0, 0, 0, 0, 1],
  'applications.results.granted': [9, 1, 0, 0, 0, 1, 11],
  'applications.results.partiallyGranted': [2, 0, 0, 0, 0, 0, 2],
  'applications.results.unableToProvide.notHeld': [5, 0, 0, 0, 0, 1, 6],
  'applications.results.notProcessed.duplicate': [1, 0, 0, 0, 0, 0, 1],
  'applications.results.total': [17, 1, 0, 0, 0, 2, 20],
  'applications.carriedForward': [2, 0, 0, 0, 0, 0, 2],
};

export const T4 = [1, 0, 0, 0, 1, 2, 1, 0, 0, 3, 0, 0, 0, 0, 0];

function rowValues(path: string | null): number[] | null {
  if (path === null) return null;
  return T3[path] ?? [0, 0, 0, 0, 0, 0, 0];
}

/** A 2021 report as plain text; `glued` runs each row's cells together as web-page text dumps do. */
export function report2021Text(options: { glued?: boolean; year?: number } = {}): string {
  const year = options.year ?? 2022;
  const sep = options.glued ? '' : ' ';
  const nl = options.glued ? '' : '\n';
  const rows = national2021.applications?.rows ?? [];
  const t3 = rows
    .map((r) => {
      const v = rowValues(r.path);
      return v ? `${r.label}${sep}${v.join(sep)}` : r.label;
    })
    .join(nl);
  return [
    `青禾县人民政府${year}年政府信息公开工作年度报告`,
    `本报告所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    '一、总体情况',
    `${year}年，本县共收到政府信息公开申请21件，办结20件，2件结转下年度继续办理。全年主动公开政府信息共1,205条，其中政策文件310条、工作动态820条。`,
    '二、主动公开政府信息情况',
    `第二十条第（一）项${nl}信息内容${sep}本年制发件数${sep}本年废止件数${sep}现行有效件数${nl}规章${sep}0${sep}0${sep}0${nl}行政规范性文件${sep}4${sep}1${sep}37${nl}第二十条第（五）项${nl}信息内容${sep}本年处理决定数量${nl}行政许可${sep}1520${nl}第二十条第（六）项${nl}行政处罚${sep}88${nl}行政强制${sep}6${nl}第二十条第（八）项${nl}行政事业性收费${sep}12.5`,
    '三、收到和处理政府信息公开申请情况',
    `（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）${nl}申请人情况${sep}自然人${sep}法人或其他组织${sep}总计${nl}${t3}`,
    '四、政府信息公开行政复议、行政诉讼情况',
    `行政复议${sep}行政诉讼${nl}结果维持${sep}结果纠正${sep}其他结果${sep}尚未审结${sep}总计${sep}未经复议直接起诉${sep}复议后起诉${nl}${T4.join(sep)}`,
    '五、存在的主要问题及改进情况',
    '（一）存在的主要问题。政策解读形式较单一。',
    '（二）改进措施。丰富解读形式。',
    '六、其他需要报告的事项',
    `${year}年，本县未收取信息处理费。`,
    '',
    '青禾县人民政府办公室',
    `${year + 1}年1月20日`,
  ].join('\n');
}
