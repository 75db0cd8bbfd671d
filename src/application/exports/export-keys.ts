// Where the S3 export writes, under `s3://{s3_bucket}/{s3_path}/`:
//   runs/{YYYY}/{MM}/{DD}/{run_id}.json          one object per run (the day is the export's, UTC)
//   reports/{kind}/{label}/{file name}            every file of a report (`reports/weekly/2026-W48/…`)
// Slashes at either end of `s3_path` are ignored; an empty path writes at the bucket's root.

const prefixOf = (s3Path: string): string => {
  const trimmed = s3Path.trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `${trimmed}/`;
};

export function runExportKey(s3Path: string, runId: string, exportedAt: string): string {
  const [yyyy, mm, dd] = exportedAt.slice(0, 10).split('-');
  return `${prefixOf(s3Path)}runs/${yyyy}/${mm}/${dd}/${runId}.json`;
}

export const reportFileKey = (s3Path: string, kind: string, label: string, fileName: string): string =>
  `${prefixOf(s3Path)}reports/${kind}/${label}/${fileName}`;
