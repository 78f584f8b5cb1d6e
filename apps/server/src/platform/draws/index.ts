// Public face of verifiable draws (REG-08): modules commit, draw and replay through this service.
export {
  createDrawService,
  type DrawService,
  type DrawKind,
  type DrawRow,
  type DrawReplayer,
} from './draw-service';
