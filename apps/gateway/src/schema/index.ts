import { builder } from '../builder.js';
import './scalars.js';
import './span.js';
import './cell.js';
import './finding.js';
import './section.js';
import './applications.js';
import './proactive.js';
import './review-litigation.js';
import './agency.js';
import './report.js';
import './stats.js';
import './lint-draft.js';
import './ingest-report.js';

export const schema = builder.toSchema({ sortSchema: true });
