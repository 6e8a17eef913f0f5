package io.feiyan.platform.rest;

/** Carries a {@link Problem} out of a request; {@link ProblemMapper} writes it. Rolls back the transaction. */
public class ProblemException extends RuntimeException {
    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
