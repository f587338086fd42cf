// A chart drawn in Rust, shown as an image. The SVG document arrives as text and becomes a
// blob: URL for an <img>, never markup in the page: whatever text a chart holds (a vendor's
// name) cannot run, and the CSP (img-src 'self' data: blob:) allows exactly this. Title and
// caption are HTML around the image, so they are selectable and read by screen readers.
import { useEffect, useRef, useState } from "react";

import { Button } from "../../components/button";
import { Icon } from "../../components/icon";
import { useToasts } from "../../components/toast";
import { toApiError, type ApiError } from "../../ipc/api-error";
import type { ChartFormat } from "../../ipc/bindings/ChartFormat";
import type { ChartRequest } from "../../ipc/bindings/ChartRequest";
import { chartExport, chartSvg } from "../../ipc/commands";
import { useColorScheme } from "./color-scheme";

/** What a chart shows; theme and size are the component's business. */
export type ChartSpec = Omit<ChartRequest, "theme" | "width" | "height">;

/** The drawing's height for a given width: a little wider than 16:9 suits a card. */
const ASPECT = 0.56;
/** Widths are asked for in steps, so a window dragged wider does not redraw at every pixel. */
const WIDTH_STEP = 40;

export function chartWidth(measured: number): number {
  return Math.max(320, Math.round(measured / WIDTH_STEP) * WIDTH_STEP);
}

export function ChartImage({
  spec,
  title,
  caption,
  alt,
  refreshKey,
  testId,
  wide = false,
  aspect = ASPECT,
}: {
  spec: ChartSpec;
  title: string;
  /** One line: what, which period, which currency. */
  caption: string;
  /** What the chart says, for people who cannot see it. */
  alt: string;
  /** Changes when the data may have changed (a new import, a saved model). */
  refreshKey?: unknown;
  testId?: string;
  /** Spans the whole grid row: for charts with one row per item and long labels. */
  wide?: boolean;
  /** Height / width of the drawing. */
  aspect?: number;
}) {
  const theme = useColorScheme();
  const toasts = useToasts();
  const frameRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState<number | null>(null);
  const [state, setState] = useState<{ url: string | null; error: ApiError | null; loading: boolean }>({
    url: null,
    error: null,
    loading: true,
  });
  const [exporting, setExporting] = useState<ChartFormat | null>(null);
  const specKey = JSON.stringify(spec);

  // Draw at the size the image is shown, so the chart's text reads at its real size.
  useEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    const measure = () => setWidth(chartWidth(frame.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (width === null) return;
    let live = true;
    let url: string | null = null;
    setState((s) => ({ ...s, loading: true, error: null }));
    chartSvg({ ...spec, theme, width, height: Math.round(width * aspect) }).then(
      (svg) => {
        if (!live) return;
        url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
        setState({ url, error: null, loading: false });
      },
      (error: unknown) => live && setState({ url: null, error: toApiError(error), loading: false }),
    );
    return () => {
      live = false;
      // The previous drawing's blob is released once a newer one is asked for.
      if (url) URL.revokeObjectURL(url);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [specKey, theme, width, refreshKey, aspect]);

  const save = async (format: ChartFormat) => {
    setExporting(format);
    try {
      // Exports are for slides and documents, which are light: always the light theme, at
      // the board-slide size Rust chooses by default.
      const path = await chartExport({ ...spec, theme: "light", width: null, height: null }, format);
      if (path) toasts.show({ tone: "success", message: `Saved the chart “${title}”`, detail: path });
    } catch (error) {
      toasts.show({ tone: "danger", message: `Could not save the chart “${title}”`, detail: toApiError(error).message });
    } finally {
      setExporting(null);
    }
  };

  return (
    <figure className={wide ? "chart chart--wide" : "chart"} data-testid={testId}>
      <div className="chart__head">
        <div className="chart__titles">
          <h3 className="chart__title">{title}</h3>
          <figcaption className="chart__caption">{caption}</figcaption>
        </div>
        <div className="chart__actions">
          <Button size="sm" variant="ghost" busy={exporting === "svg"} disabled={!state.url} onClick={() => void save("svg")}>
            Export SVG
          </Button>
          <Button size="sm" variant="ghost" busy={exporting === "png"} disabled={!state.url} onClick={() => void save("png")}>
            Export PNG
          </Button>
        </div>
      </div>
      <div
        ref={frameRef}
        className="chart__frame"
        style={width === null || state.url ? undefined : { aspectRatio: `${1 / aspect}` }}
        aria-busy={state.loading || undefined}
      >
        {state.url ? (
          <img className={state.loading ? "chart__img chart__img--stale" : "chart__img"} src={state.url} alt={alt} />
        ) : state.error ? (
          <div className="chart__message" role="status">
            <Icon name="info" />
            <div>
              <p className="chart__message-title">This chart could not be drawn</p>
              <p className="chart__message-detail">{state.error.message}</p>
            </div>
          </div>
        ) : (
          <div className="chart__loading">
            <span className="spinner" aria-hidden="true" />
            <span>Drawing the chart…</span>
          </div>
        )}
      </div>
    </figure>
  );
}
