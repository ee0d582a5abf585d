import express from "express";

/** A router that matches exactly: case-sensitive, and a trailing slash is another path. */
export const exactRouter = () => express.Router({ caseSensitive: true, strict: true });
