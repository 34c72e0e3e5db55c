package dev.ocular.distortion.profile;

import dev.ocular.distortion.Channel;
import dev.ocular.distortion.Eye;
import dev.ocular.distortion.LensInputException;
import dev.ocular.distortion.LensProfile;
import dev.ocular.distortion.PanelVisibility;
import dev.ocular.distortion.model.FoldOver;
import java.util.Optional;

/**
 * Checks a built profile as a whole: each eye shows something, and no channel folds over inside its visible area. Runs
 * after the field-by-field checks of the readers, because both need the lens model and the visibility of every pixel.
 */
final class ProfileChecks {
    private ProfileChecks() {
    }

    /**
     * @param lensPath JSON path of each eye's lens block, by eye ordinal, for messages
     */
    static LensProfile check(LensProfile profile, String[] lensPath) {
        for (Eye eye : Eye.values()) {
            PanelVisibility visible = profile.visibility(eye);
            if (visible.visibleCount() == 0) {
                throw new LensInputException(profile.origin(), lensPath[eye.ordinal()],
                        "no panel pixel of the " + eye.jsonName() + " eye is visible: every pixel maps outside the"
                                + " field of view, the mask or the lens's own domain");
            }
            for (Channel channel : Channel.values()) {
                Optional<FoldOver> fold = profile.eye(eye).model().findFold(channel, visible);
                if (fold.isPresent()) {
                    throw new LensInputException(profile.origin(), lensPath[eye.ordinal()], fold.get().describe());
                }
            }
        }
        return profile;
    }
}
