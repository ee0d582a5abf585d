import { notFound } from "@error-contract/core";
import { Controller, Get, HttpException, NotFoundException, Param } from "@nestjs/common";

// For the conformance suite only: a team that copies this app deletes this folder.
const SECRET = "S3CRET-fault-do-not-leak";

@Controller("faults")
export class FaultsController {
  @Get(":kind")
  async fault(@Param("kind") kind: string): Promise<never> {
    switch (kind) {
      case "error":
        throw new Error(SECRET);
      case "string":
        throw SECRET;
      case "null":
        throw null;
      case "undefined":
        throw undefined;
      case "object":
        throw { reason: SECRET };
      case "duck":
        throw { statusCode: 502, status: 502, message: SECRET };
      case "async":
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error(SECRET);
      case "native-404":
        throw new NotFoundException();
      case "native-429":
        throw new HttpException("Too many", 429);
      default:
        throw notFound("No such fault");
    }
  }
}
