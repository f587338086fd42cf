// What the main area shows before a portfolio is ready: the first-run choice, a file that
// could not be opened, or a shell that cannot be reached.
import { Button } from "../../components/button";
import { ErrorPanel } from "../../components/error-panel";
import { Icon } from "../../components/icon";
import { Spinner } from "../../components/spinner";
import { useSession } from "./session-context";

export function Welcome() {
  const { info, loadDemo, startEmpty, busy } = useSession();
  return (
    <div className="centered-panel">
      <div className="welcome">
        <div className="welcome__mark" aria-hidden="true">
          <Icon name="inventory" size={22} />
        </div>
        <h1 className="welcome__title" data-testid="page-title">
          Welcome to Steward
        </h1>
        <p className="welcome__lead">
          Your AI inventory, vendors and contracts, costs and governance record — kept in one file you own.
          {info ? (
            <>
              {" "}
              We created an empty portfolio, <strong>{info.file_name}</strong>, to get you started.
            </>
          ) : null}
        </p>
        <div className="welcome__choices">
          <button
            type="button"
            className="choice"
            data-testid="load-demo"
            onClick={loadDemo}
            disabled={busy !== null}
            aria-busy={busy === "demo" || undefined}
          >
            <span className="choice__title">
              {busy === "demo" ? <span className="spinner spinner--inline" aria-hidden="true" /> : null}
              Load the demo portfolio (Northwind Logistics)
            </span>
            <span className="choice__body">
              Explore Steward with a realistic logistics company: AI systems, vendors, contracts and initiatives.
            </span>
          </button>
          <button type="button" className="choice" data-testid="start-empty" onClick={startEmpty} disabled={busy !== null}>
            <span className="choice__title">Start with an empty portfolio</span>
            <span className="choice__body">Register your own AI systems, vendors and contracts from scratch.</span>
          </button>
        </div>
        <p className="welcome__foot">You can create or open other portfolios at any time from the File menu.</p>
      </div>
    </div>
  );
}

/** The last file could not be opened: say so calmly and offer the way on. */
export function ProblemPanel() {
  const { problem, newPortfolio, openPortfolio, busy } = useSession();
  return (
    <div className="centered-panel">
      <div className="notice-card">
        <div className="notice-card__icon">
          <Icon name="file" size={22} />
        </div>
        <h1 className="notice-card__title" data-testid="page-title">
          {problem ? "Steward couldn't open your last portfolio" : "No portfolio is open"}
        </h1>
        {problem ? (
          <p className="notice-card__message" data-testid="session-problem">
            {problem.message}
          </p>
        ) : null}
        <p className="notice-card__body">
          Nothing has been changed. Create a new portfolio, or open another file — a backup copy, or the same file once
          it is available again.
        </p>
        <div className="notice-card__actions">
          <Button variant="primary" onClick={newPortfolio} busy={busy === "new"} disabled={busy !== null}>
            New portfolio…
          </Button>
          <Button onClick={openPortfolio} busy={busy === "open"} disabled={busy !== null}>
            Open…
          </Button>
        </div>
      </div>
    </div>
  );
}

export function UnavailablePanel() {
  const { error, retry } = useSession();
  if (!error) return null;
  return (
    <div className="centered-panel">
      <div className="notice-card notice-card--plain">
        <ErrorPanel error={error} onRetry={retry} />
      </div>
    </div>
  );
}

export function SessionLoading() {
  return (
    <div className="centered-panel">
      <Spinner label="Opening your portfolio…" />
    </div>
  );
}
