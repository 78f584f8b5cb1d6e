// Public face of the candidate messages module (issue 8): portal inbox plus SMS after commit.
export { createMessagesService, SMS_JOB, type MessagesService } from './messages.service';
export { registerMessageRoutes } from './messages.routes';
export { candidateMessage } from './candidate-message.table';
