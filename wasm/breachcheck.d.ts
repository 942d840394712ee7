// The JavaScript face of the breachcheck engine, written by hand (docs/api.md gives every shape in
// full). Two layers:
//  1. the Emscripten modules, breachcheck_core.mjs and breachcheck_validate.mjs (wasm/bindings.cpp):
//     classes whose methods take and return JSON text;
//  2. web/engine.js, what the page and the tests import: the same methods returning plain objects,
//     and never throwing (a failure is a value).
// tests/node/api.test.mjs checks these names against what the modules and engine.js export.

// ------------------------------------------------------------------------------------------------
// Errors: one shape everywhere.

/** Minted by the core (core/vocab.cpp). */
export type EngineErrorCode =
  | 'invalid_dataset'
  | 'invalid_overlay'
  | 'invalid_image'
  | 'invalid_answers'
  | 'unknown_org'
  | 'org_locked'
  | 'input_too_large'
  | 'internal';

/** Minted by the page only (web/engine.js PAGE_ERRORS). */
export type PageErrorCode =
  | 'module_load_failed'
  | 'load_failed'
  | 'integrity_mismatch'
  | 'no_webassembly'
  | 'invalid_overlay_id'
  | 'unexpected';

export type ErrorCode = EngineErrorCode | PageErrorCode;

export interface ValidationError {
  /** JSON Pointer into the dataset or overlay, "" for the whole document. */
  path: string;
  message: string;
}

export interface Failure {
  ok: false;
  error: { code: ErrorCode; message: string; path?: string; errors?: ValidationError[] };
}

// ------------------------------------------------------------------------------------------------
// Layer 1: the Emscripten modules (default export of each .mjs is its factory).

export interface ModuleOptions {
  /** The .wasm bytes (the page fetches and checks them itself; Node must pass them). */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

/** An engine over one dataset; every method returns JSON text. */
export interface NativeEngine {
  ok(): boolean;
  /** The load failure: JSON of Failure. */
  error(): string;
  search(query: string, limit: number): string;
  list(): string;
  /** withSha256 = false: "sha256" is null (not computed). */
  info(lang: string, withSha256: boolean): string;
  questions(lang: string, org: string): string;
  incidents(lang: string): string;
  /** `answers` is the JSON of an Answers object. */
  check(answers: string): string;
  scanMessage(message: string, lang: string): string;
  /** Embind: frees the engine (the page keeps its engines for its whole life). */
  delete(): void;
}

/** breachcheck_core.mjs: reads the compact image (no JSON parser inside). */
export interface CoreModule {
  Engine: new (image: Uint8Array) => NativeEngine;
}

/** breachcheck_validate.mjs: adds the strict JSON loader (nlohmann), for validators only. */
export interface ValidateModule extends CoreModule {
  JsonEngine: new (datasetJson: string, overlayJson: string) => NativeEngine;
  /** A dataset, as JSON text or image bytes: JSON of ValidationReport. */
  validate(dataset: string | Uint8Array): string;
  validateOverlay(datasetJson: string, overlayJson: string): string;
}

export type CoreFactory = (options?: ModuleOptions) => Promise<CoreModule>;
export type ValidateFactory = (options?: ModuleOptions) => Promise<ValidateModule>;

// ------------------------------------------------------------------------------------------------
// Layer 2: web/engine.js.

export type Verdict = 'affected' | 'likely' | 'possible' | 'unknown' | 'not_affected';
export type Lang = 'fr' | 'en';

/** What check() is asked: question ids (engine.questions()) to option ids, plus these keys. */
export interface Answers {
  org?: string;
  query?: string;
  role?: 'insured' | 'pro';
  lang?: Lang;
  [question: string]: string | undefined;
}

/** The full shapes are in docs/api.md; the fields the page relies on are named here. */
export interface CheckResult {
  ok: true;
  dataset: { version: string; source_sha256: string };
  role: 'insured' | 'pro';
  lang: Lang;
  org: { id: string; name: string } | null;
  overall: Verdict;
  provisional: boolean;
  words: { headline: string; short: string; summary: string };
  incidents: Array<{ id: string; mode: 'insurer_operator' | 'criteria'; name: string; short_name: string; applies: boolean; verdict: Verdict; verdict_label: string; reasons: Array<{ kind: string; text: string; sources: string[]; provenance: 'public' | 'insurer' }> }>;
  questions: Array<{ id: string; kind: string; text: string; changes_overall: boolean; options: Array<{ id: string; label: string }> }>;
  plan: { first: object[]; more: object[]; emergency: object | null };
  sources: Record<string, { url: string; publisher: string; date: string; accessed: string; confidence: string; title: string }>;
  [more: string]: unknown;
}

export interface ValidationReport {
  ok: true;
  valid: boolean;
  errors: ValidationError[];
  warnings: ValidationError[];
}

/** An engine as engine.js wraps it: objects in, objects out, never a throw. */
export interface Engine {
  search(query: string, limit?: number): object | Failure;
  list(): object | Failure;
  /** `{sha256: false}`: leave the file's SHA-256 null (hashing is the slow part of a first call). */
  info(lang?: Lang, options?: { sha256?: boolean }): object | Failure;
  questions(lang?: Lang, org?: string): object | Failure;
  incidents(lang?: Lang): object | Failure;
  scanMessage(message: string, lang?: Lang): object | Failure;
  check(answers: Answers): CheckResult | Failure;
}

export type Loaded = { ok: true; engine: Engine } | Failure;

export declare const PAGE_ERRORS: Readonly<Record<PageErrorCode, PageErrorCode>>;
export declare function failure(code: ErrorCode, message: unknown): Failure;
/** Starts importing a module's glue (no compiling, no running); a failure shows in the next create call. */
export declare function prepareModule(name?: 'core' | 'validate'): void;
export declare function createEngine(image: Uint8Array | ArrayBuffer, options?: ModuleOptions): Promise<Loaded>;
export declare function createEngineFromJson(datasetJson: string, overlayJson?: string, options?: ModuleOptions): Promise<Loaded>;
export declare function validateDataset(dataset: string | Uint8Array, options?: ModuleOptions): Promise<ValidationReport | Failure>;
export declare function validateOverlay(datasetJson: string, overlayJson: string, options?: ModuleOptions): Promise<ValidationReport | Failure>;
