import { ApiError, conflict } from "@error-contract/core";
import { HttpException, NotFoundException } from "@nestjs/common";
import { describe, expect, it } from "vitest";
import { toContractError } from "./to-contract-error.js";

const request = { method: "GET", url: "/things?q=1" };

describe("toContractError", () => {
  it("keeps core's errors", () => {
    const error = conflict("Taken");
    expect(toContractError(error, request)).toBe(error);
  });

  it("tells the router's miss from the app's own NotFoundException", () => {
    expect(toContractError(new NotFoundException("Cannot GET /things?q=1"), request).message).toBe(
      "Not found",
    );
    expect(toContractError(new NotFoundException("Cannot GET /other"), request).message).toBe(
      "Cannot GET /other",
    );
  });

  it("trusts no status but core's and Nest's", () => {
    const duck = { statusCode: 404, status: 404, message: "hi", getStatus: () => 404 };
    expect(toContractError(duck, request).status).toBe(500);
    expect(toContractError(null, request).status).toBe(500);
  });

  it("turns an HttpException whose getResponse() throws into a 500", () => {
    const hostile = new HttpException("x", 400);
    hostile.getResponse = () => {
      throw new Error("hostile");
    };
    const error = toContractError(hostile, request);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(500);
  });
});
