import type { ComponentType } from 'react';
import { SignInFlow } from './signin/SignInFlow';

/** What every participant flow gets: a way to hand the kiosk back to the welcome screen. */
export interface FlowProps {
  /** Clears everything this participant typed or chose, language included, and shows the welcome screen. */
  finish(): void;
  /** Back to the welcome screen from the flow's first step: the flow's state goes, the chosen language stays. */
  back(): void;
}

export interface KioskFlow {
  id: string;
  /** Catalogue key of the welcome screen's button that starts it. */
  startKey: string;
  Flow: ComponentType<FlowProps>;
}

/**
 * The things a participant can do at the kiosk, each a button on the welcome
 * screen. The evaluation will be added here beside sign-in.
 */
export const kioskFlows: readonly KioskFlow[] = [{ id: 'signIn', startKey: 'kiosk.welcome.signIn', Flow: SignInFlow }];
