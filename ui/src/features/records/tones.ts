// Which colour a badge takes for an enum value: emphasis only, never meaning the UI relies on.
// A value not listed here is neutral.
import type { Tone } from "../../components/badge";
import type { CatalogKind } from "../session/catalog-context";

const TONES: Partial<Record<CatalogKind, Record<string, Tone>>> = {
  lifecycle_state: {
    evaluating: "info",
    pilot: "accent",
    production: "success",
    restricted: "warning",
    under_reassessment: "warning",
  },
  usage_policy: {
    approved: "success",
    restricted: "warning",
    pending: "info",
    blocked: "danger",
    rejected: "danger",
  },
  eu_ai_act_tier: {
    prohibited: "danger",
    high: "warning",
    limited: "info",
    gpai: "accent",
    gpai_systemic: "warning",
  },
  risk_tier: { medium: "warning", high: "danger" },
  criticality: { medium: "info", high: "warning", critical: "danger" },
  review_status: {
    in_review: "info",
    approved: "success",
    approved_with_conditions: "warning",
    rejected: "danger",
  },
  contract_status: { active: "success", pending_renewal: "warning", draft: "info" },
};

export function toneFor(kind: CatalogKind, value: string | null | undefined): Tone {
  return (value && TONES[kind]?.[value]) || "neutral";
}
