package org.helpline.advice;

import java.util.ArrayList;
import java.util.List;

/**
 * The three questions' answers turned into advice, in one place. Answers travel as up to three digits:
 * the stage (1 new, 2 denial, 3 recovery, 4 relapse), overdose risk (1 yes or not sure, 2 no) and support for the
 * caller (1 yes, 2 no). A missing answer is taken the cautious way: at risk, and without support.
 * <p>
 * After a relapse the overdose advice is given whatever the second answer: the supporters' page says the risk is
 * highest when a person goes back to their old amount after time away, which is what a relapse can be, and a
 * supporter may not know that.
 */
public final class AdviceRules {

    private static final int RELAPSE = 4;
    private static final List<String> STAGES =
        List.of("advice-stage-new", "advice-stage-denial", "advice-stage-recovery", "advice-stage-relapse");

    /** Every prompt advice can be made of. */
    public static final List<String> PROMPTS = List.of("advice-intro", STAGES.get(0), STAGES.get(1), STAGES.get(2),
        STAGES.get(3), "advice-risk", "advice-support", "advice-support-kept");

    private AdviceRules() {
    }

    /** The prompts that make up the advice, in the order they are said. */
    public static List<String> compose(String answers) {
        List<String> pieces = new ArrayList<>();
        pieces.add("advice-intro");

        int stage = answer(answers, 0);
        if (stage >= 1 && stage <= STAGES.size()) {
            pieces.add(STAGES.get(stage - 1));
        }
        if (answer(answers, 1) != 2 || stage == RELAPSE) {
            pieces.add("advice-risk");
        }
        pieces.add(answer(answers, 2) == 1 ? "advice-support-kept" : "advice-support");
        return pieces;
    }

    private static int answer(String answers, int index) {
        if (answers == null || answers.length() <= index) {
            return 0;
        }
        return answers.charAt(index) - '0';
    }
}
