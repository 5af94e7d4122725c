package org.hybridta.functions;

import java.util.List;
import java.util.Set;

/**
 * TA-Lib's group "Pattern Recognition": the ported functions, in TA-Lib's (alphabetical) order, and those still to port.
 * One porter owns this file; adding a function here and removing it from {@link #PENDING} is all the
 * registration it needs.
 */
final class PatternRecognition {
    private PatternRecognition() {}

    /** Adds the ported functions, one line each. */
    static void functions(List<FunctionDef> to) {
        to.add(new Cdl2Crows());
        to.add(new Cdl3BlackCrows());
        to.add(new Cdl3Inside());
        to.add(new Cdl3LineStrike());
        to.add(new Cdl3Outside());
        to.add(new Cdl3StarsInSouth());
        to.add(new Cdl3WhiteSoldiers());
        to.add(new CdlAbandonedBaby());
        to.add(new CdlAdvanceBlock());
        to.add(new CdlBeltHold());
        to.add(new CdlBreakaway());
        to.add(new CdlClosingMarubozu());
        to.add(new CdlConcealBabySwall());
        to.add(new CdlCounterAttack());
        to.add(new CdlDarkCloudCover());
        to.add(new CdlDoji());
        to.add(new CdlDojiStar());
        to.add(new CdlDragonflyDoji());
        to.add(new CdlEngulfing());
        to.add(new CdlEveningDojiStar());
        to.add(new CdlEveningStar());
        to.add(new CdlGapSideSideWhite());
        to.add(new CdlGravestoneDoji());
        to.add(new CdlHammer());
        to.add(new CdlHangingMan());
        to.add(new CdlHarami());
        to.add(new CdlHaramiCross());
        to.add(new CdlHighWave());
        to.add(new CdlHikkake());
        to.add(new CdlHikkakeMod());
        to.add(new CdlHomingPigeon());
        to.add(new CdlIdentical3Crows());
        to.add(new CdlInNeck());
        to.add(new CdlInvertedHammer());
        to.add(new CdlKicking());
        to.add(new CdlKickingByLength());
        to.add(new CdlLadderBottom());
        to.add(new CdlLongLeggedDoji());
        to.add(new CdlLongLine());
        to.add(new CdlMarubozu());
        to.add(new CdlMatchingLow());
        to.add(new CdlMatHold());
        to.add(new CdlMorningDojiStar());
        to.add(new CdlMorningStar());
        to.add(new CdlOnNeck());
        to.add(new CdlPiercing());
        to.add(new CdlRickshawMan());
        to.add(new CdlRiseFall3Methods());
        to.add(new CdlSeparatingLines());
        to.add(new CdlShootingStar());
        to.add(new CdlShortLine());
        to.add(new CdlSpinningTop());
        to.add(new CdlStalledPattern());
        to.add(new CdlStickSandwich());
        to.add(new CdlTakuri());
        to.add(new CdlTasukiGap());
        to.add(new CdlThrusting());
        to.add(new CdlTristar());
        to.add(new CdlUnique3River());
        to.add(new CdlUpsideGap2Crows());
        to.add(new CdlXSideGap3Methods());
    }

    /** Functions of this group not ported yet (CatalogTest checks that this only shrinks). */
    static final Set<String> PENDING = Set.of();
}
