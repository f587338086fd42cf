import { Badge } from "../../components/badge";
import { EMPTY } from "../../lib/format";
import { useCatalog, type CatalogKind } from "../session/catalog-context";
import { toneFor } from "./tones";

/** An enum value as a coloured label from the catalog; a quiet dash when not set. */
export function EnumBadge({ kind, value }: { kind: CatalogKind; value: string | null | undefined }) {
  const { label } = useCatalog();
  if (!value) return <span className="muted">{EMPTY}</span>;
  return <Badge tone={toneFor(kind, value)}>{label(kind, value)}</Badge>;
}

/** An enum value as plain text from the catalog. */
export function EnumText({ kind, value }: { kind: CatalogKind; value: string | null | undefined }) {
  const { label } = useCatalog();
  if (!value) return <span className="muted">{EMPTY}</span>;
  const text = label(kind, value);
  return (
    <span className="truncate" title={text}>
      {text}
    </span>
  );
}
