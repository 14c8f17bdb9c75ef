package app.frontdesk.application.pipeline;

/** One thing the pipeline does to a mail. A mailet that decides the route ends the pipeline for that mail. */
@FunctionalInterface
public interface Mailet {

    /**
     * @param because the matcher's reason for running this step
     * @throws Exception on a fault of ours: the whole message is retried later (see {@link InboundProcessor})
     */
    void service(MailContext mail, String because) throws Exception;
}
