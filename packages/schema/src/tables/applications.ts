import { z } from 'zod';
import { SpanSchema } from '../span.js';
import { ApplicantCountsSchema } from './applicant-counts.js';

export const DeniedSchema = z
  .object({
    stateSecret: ApplicantCountsSchema.describe('1.属于国家秘密'),
    lawForbidden: ApplicantCountsSchema.describe('2.其他法律行政法规禁止公开'),
    threeSafetyOneStability: ApplicantCountsSchema.describe('3.危及“三安全一稳定”'),
    thirdPartyRights: ApplicantCountsSchema.describe('4.保护第三方合法权益'),
    internalAffairs: ApplicantCountsSchema.describe('5.属于三类内部事务信息'),
    processInfo: ApplicantCountsSchema.describe('6.属于四类过程性信息'),
    enforcementFile: ApplicantCountsSchema.describe('7.属于行政执法案卷'),
    administrativeQuery: ApplicantCountsSchema.describe('8.属于行政查询事项'),
  })
  .meta({ id: 'Denied', description: '（三）不予公开' });

export const UnableToProvideSchema = z
  .object({
    notHeld: ApplicantCountsSchema.describe('1.本机关不掌握相关政府信息'),
    needsCreation: ApplicantCountsSchema.describe('2.没有现成信息需要另行制作'),
    unclearAfterCorrection: ApplicantCountsSchema.describe('3.补正后申请内容仍不明确'),
  })
  .meta({ id: 'UnableToProvide', description: '（四）无法提供' });

export const NotProcessedSchema = z
  .object({
    complaint: ApplicantCountsSchema.describe('1.信访举报投诉类申请'),
    duplicate: ApplicantCountsSchema.describe('2.重复申请'),
    publication: ApplicantCountsSchema.describe('3.要求提供公开出版物'),
    massRepeated: ApplicantCountsSchema.describe('4.无正当理由大量反复申请'),
    confirmation: ApplicantCountsSchema.describe('5.要求行政机关确认或重新出具已获取信息'),
  })
  .meta({ id: 'NotProcessed', description: '（五）不予处理' });

/** national-2021 （六）其他处理: three sub-rows. */
export const OtherHandling2021Schema = z
  .object({
    overdueCorrection: ApplicantCountsSchema.describe('1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
    overdueFee: ApplicantCountsSchema.describe('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
    other: ApplicantCountsSchema.describe('3.其他'),
  })
  .meta({ id: 'OtherHandling2021', description: '（六）其他处理, national-2021 (three sub-rows)' });

/** （六）其他处理: one row in national-2019, three sub-rows in national-2021. */
export const OtherHandlingSchema = z
  .union([OtherHandling2021Schema, ApplicantCountsSchema])
  .meta({ id: 'OtherHandling', description: '（六）其他处理: ApplicantCounts (2019, one row) or OtherHandling2021' });

export const ApplicationResultsSchema = z
  .object({
    granted: ApplicantCountsSchema.describe('（一）予以公开'),
    partiallyGranted: ApplicantCountsSchema.describe('（二）部分公开'),
    denied: DeniedSchema,
    unableToProvide: UnableToProvideSchema,
    notProcessed: NotProcessedSchema,
    otherHandling: OtherHandlingSchema,
    total: ApplicantCountsSchema.describe('（七）总计'),
  })
  .meta({ id: 'ApplicationResults', description: '三、本年度办理结果' });

/** 表三 收到和处理政府信息公开申请情况 (national-2019 and national-2021). */
export const ApplicationsSchema = z
  .object({
    newReceived: ApplicantCountsSchema.describe('一、本年新收政府信息公开申请数量'),
    carriedOver: ApplicantCountsSchema.describe('二、上年结转政府信息公开申请数量'),
    results: ApplicationResultsSchema,
    carriedForward: ApplicantCountsSchema.describe('四、结转下年度继续办理'),
    span: SpanSchema.nullable().optional(),
  })
  .meta({ id: 'Applications', description: '表三 收到和处理政府信息公开申请情况' });

export type Denied = z.infer<typeof DeniedSchema>;
export type UnableToProvide = z.infer<typeof UnableToProvideSchema>;
export type NotProcessed = z.infer<typeof NotProcessedSchema>;
export type OtherHandling2021 = z.infer<typeof OtherHandling2021Schema>;
export type OtherHandling = z.infer<typeof OtherHandlingSchema>;
export type ApplicationResults = z.infer<typeof ApplicationResultsSchema>;
export type Applications = z.infer<typeof ApplicationsSchema>;

/** True when （六）其他处理 has the 2021 three-row split. */
export function isOtherHandling2021(value: OtherHandling): value is OtherHandling2021 {
  return 'overdueCorrection' in value;
}
