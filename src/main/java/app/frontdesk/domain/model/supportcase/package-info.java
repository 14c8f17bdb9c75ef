/** Cases: each unknown-sender situation with its timeline, its one-click links and the throttles on what we send about it. */
package app.frontdesk.domain.model.supportcase;
