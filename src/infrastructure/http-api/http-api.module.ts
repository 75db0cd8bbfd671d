// Commands and queries over HTTP (API key required).
import { Module } from '@nestjs/common';

@Module({
  controllers: [],
  providers: [],
})
export class HttpApiModule {}
