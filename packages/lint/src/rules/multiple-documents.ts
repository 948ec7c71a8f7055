import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'multiple-documents',
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description: 'Disallow more than one report in a single file',
      recommended: true,
    },
    messages: {
      extraDocument: '文件中共有 {{count}} 篇报告，第 {{index}} 篇“{{title}}”应单独发布',
    },
  },
  create(context) {
    return {
      report(report) {
        const documents = report.documents ?? [];
        if (documents.length <= 1) return;
        documents.forEach((doc, i) => {
          if (i === 0) return;
          context.report({
            messageId: 'extraDocument',
            data: { count: documents.length, index: i + 1, title: doc.title },
            span: doc.span,
          });
        });
      },
    };
  },
});
