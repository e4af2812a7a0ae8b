package dev.ordo.coordination.pipeline;

/**
 * One step of a {@link Pipeline}. Runs on the thread that runs the pipeline.
 *
 * @param <C> the pipeline's context
 */
@FunctionalInterface
public interface PipelineStep<C> {

    /**
     * Works on the context and decides whether the pipeline goes on.
     *
     * @return never {@code null}
     * @throws Exception any failure, which fails the pipeline; the steps after this one do not run
     */
    Decision<C> apply(C context) throws Exception;
}
