import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from "@remix-run/react";
import { isAnonymousPath } from "./anonymous-paths";
import { useEffect } from "react";
import { getHeaderUser } from "./auth/header-user.server";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { SiteFooter, SiteHeader } from "./components/site-header";
import { keepOfflineAppCurrent } from "./pwa/offline-app";
import appStyles from "./styles/app.css";
import headerStyles from "./styles/site-header.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: appStyles },
  { rel: "stylesheet", href: headerStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "apple-touch-icon", href: "/icons/apple-touch-icon.png" },
];

export const meta: MetaFunction = () => [
  { title: "Close Call — learn from law enforcement near misses" },
  { name: "description", content: "Anonymous, non-disciplinary near-miss reporting for law enforcement officers." },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return { nonce: context.cspNonce, user: await getHeaderUser(request, context) };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = data?.nonce;
  const { pathname } = useLocation();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="theme-color" content="#102a43" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader user={data?.user} />
        <div id="main">{children}</div>
        <SiteFooter />
        {/* Scroll restoration keeps positions in sessionStorage: never on the anonymous pages
            (docs/design.md §6.2). */}
        {isAnonymousPath(pathname) ? null : <ScrollRestoration nonce={nonce} />}
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useEffect(keepOfflineAppCurrent, []); // the installable app: never registers a worker by itself
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
