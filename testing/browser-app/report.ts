// What the browser app is given and reports back, apart from the app so a test can name them without bundling it.
export interface AppConfig {
  baseUrl: string;
  accessToken: string;
}

export interface AppReport {
  roomId: string;
  posted: string[];
  listed: string[];
  listPages: number;
  uploadedFiles: string[];
  rateLimitWaitsMs: number[];
  rateLimitError: { code: string; retryAfter: number } | undefined;
  notFoundCode: string | undefined;
  pathUpload: { code: string; message: string } | undefined;
}
