// The covered-systems field of a contract: the chosen systems as removable chips, and a search
// over the inventory to add more. Searching happens in Rust; this only shows the answers.
import { useEffect, useId, useState } from "react";

import { Icon } from "../../components/icon";
import { Truncate } from "../../components/truncate";
import { useDebouncedValue } from "../../lib/use-debounced-value";
import { useSession } from "../session/session-context";
import { useSystemSearch, useSystemsById } from "./api";

type Known = { name: string; code: string };

export function SystemPicker({
  value,
  onChange,
  error,
  label = "Covered systems",
  name = "system_ids",
}: {
  value: number[];
  onChange: (ids: number[]) => void;
  error?: string;
  label?: string;
  name?: string;
}) {
  const id = useId();
  const { dataVersion } = useSession();
  const [search, setSearch] = useState("");
  const settled = useDebouncedValue(search, 200);
  const results = useSystemSearch(settled, dataVersion);
  const [initialIds] = useState(value);
  const initial = useSystemsById(initialIds, dataVersion, 200);
  const [known, setKnown] = useState<Record<number, Known>>({});

  // Names of the systems chosen before the form opened.
  useEffect(() => {
    if (!initial.data) return;
    setKnown((k) => {
      const next = { ...k };
      for (const item of initial.data ?? []) {
        if (!("missing" in item)) next[item.id] = { name: item.name, code: item.code };
      }
      return next;
    });
  }, [initial.data]);

  const chosen = new Set(value);
  const toggle = (systemId: number, info?: Known) => {
    if (info) setKnown((k) => ({ ...k, [systemId]: info }));
    onChange(chosen.has(systemId) ? value.filter((v) => v !== systemId) : [...value, systemId]);
  };

  const rows = results.data?.rows ?? [];
  return (
    <div className={["field field--wide", error ? "field--invalid" : ""].filter(Boolean).join(" ")}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {value.length > 0 ? (
        <ul className="chips" aria-label="Chosen systems">
          {value.map((systemId) => {
            const info = known[systemId];
            const text = info ? `${info.code} · ${info.name}` : `System #${systemId}`;
            return (
              <li key={systemId} className="chip">
                <Truncate text={text} />
                <button type="button" className="chip__remove" aria-label={`Remove ${text}`} onClick={() => toggle(systemId)}>
                  <Icon name="close" size={12} />
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="field__hint">No systems chosen yet.</p>
      )}
      <div className="picker">
        <div className="picker__search">
          <Icon name="search" />
          <input
            id={id}
            name={name}
            className="input"
            type="search"
            placeholder="Search systems to add…"
            value={search}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <ul className="picker__list" aria-label="Systems" aria-busy={results.loading || undefined}>
          {results.error ? (
            <li className="picker__note">Couldn't search systems: {results.error.message}</li>
          ) : !results.data ? (
            <li className="picker__note">Loading systems…</li>
          ) : rows.length === 0 ? (
            <li className="picker__note">{settled ? `No systems match “${settled}”.` : "No systems in the inventory yet."}</li>
          ) : (
            rows.map((system) => (
              <li key={system.id}>
                <label className="picker__option" data-testid="system-option">
                  <input
                    type="checkbox"
                    checked={chosen.has(system.id)}
                    onChange={() => toggle(system.id, { name: system.name, code: system.code })}
                  />
                  <span className="picker__code">{system.code}</span>
                  <Truncate text={system.name} />
                </label>
              </li>
            ))
          )}
          {results.data && results.data.total > rows.length ? (
            <li className="picker__note">Showing {rows.length} of {results.data.total} — type to narrow the list.</li>
          ) : null}
        </ul>
      </div>
      {error ? (
        <p className="field__error" id={`${id}-error`} data-testid={`field-error-${name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
