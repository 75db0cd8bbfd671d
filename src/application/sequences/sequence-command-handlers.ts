import { PauseSequenceHandler } from './pause-sequence/pause-sequence.handler.js';
import { RecordEngagementHandler } from './record-engagement/record-engagement.handler.js';
import { ResumeSequenceHandler } from './resume-sequence/resume-sequence.handler.js';
import { StartSequenceHandler } from './start-sequence/start-sequence.handler.js';
import { StopSequenceHandler } from './stop-sequence/stop-sequence.handler.js';

export const SEQUENCE_COMMAND_HANDLERS = [
  StartSequenceHandler,
  RecordEngagementHandler,
  PauseSequenceHandler,
  ResumeSequenceHandler,
  StopSequenceHandler,
];
