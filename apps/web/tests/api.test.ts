import { describe, expect, it } from 'vitest';
import { GraphQLRequestError, errorText } from '../src/client/api.js';

describe('error texts', () => {
  it('says in Chinese what went wrong, keeping the server’s words', () => {
    expect(errorText(new GraphQLRequestError('Unsupported PDF', 200, ['PARSE_FAILED']))).toBe('无法读取该文件（格式损坏或不受支持）：Unsupported PDF');
    expect(errorText(new GraphQLRequestError('The file is larger than 10485760 bytes.', 200, ['TOO_LARGE']))).toBe(
      '文件过大（上限 10 MB）：The file is larger than 10485760 bytes.',
    );
    expect(errorText(new GraphQLRequestError('Unexpected error.', 500, []))).toBe('Unexpected error.');
    expect(errorText(new TypeError('Failed to fetch'))).toBe('无法连接服务器（Failed to fetch）');
    expect(errorText('x')).toBe('x');
  });
});
