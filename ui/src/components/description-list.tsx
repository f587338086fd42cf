import type { ReactNode } from "react";

import { EMPTY } from "../lib/format";

export type DescriptionItem = {
  label: string;
  value: ReactNode;
  /** Right-aligned, tabular figures (money, counts). */
  numeric?: boolean;
  /** Spans both columns (long text). */
  wide?: boolean;
};

function isBlank(value: ReactNode): boolean {
  return value === null || value === undefined || value === "" || value === EMPTY;
}

/** Label/value pairs of a record, two to a row; an empty value shows a quiet dash. */
export function DescriptionList({ items }: { items: DescriptionItem[] }) {
  return (
    <dl className="dl">
      {items.map((item) => (
        <div key={item.label} className={item.wide ? "dl__item dl__item--wide" : "dl__item"}>
          <dt>{item.label}</dt>
          <dd className={[item.numeric ? "num" : "", isBlank(item.value) ? "dl__blank" : ""].join(" ").trim() || undefined}>
            {isBlank(item.value) ? EMPTY : item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="section">
      <div className="section__head">
        <h3 className="section__title">{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  );
}
