package dev.ordo.test.faults;

/**
 * Stands for the death of the process at the point where it is thrown: an {@link Error}, so that it unwinds through
 * the code under test like a kill would cut it short (ordinary {@code catch (RuntimeException)} blocks do not record
 * an outcome for it). A test that throws it treats every in-memory object of the "crashed" component as gone and
 * builds new ones on the same store, as a restarted process would.
 */
public final class SimulatedCrash extends Error {

    public SimulatedCrash(String where) {
        super("simulated crash " + where, null, false, false);
    }
}
