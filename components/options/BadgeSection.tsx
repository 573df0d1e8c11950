// Options: what the badge beside each post shows, and which denominator engagement rates use.
import { BADGE_FIGURES, ER_BASIS_CHOICES, type BadgeFigureId, type ErBasisChoice } from '@/lib/preferences';
import { t } from '../i18n';

export interface BadgeSectionProps {
  /** undefined while loading. */
  badge?: Readonly<Record<BadgeFigureId, boolean>>;
  erBasis?: ErBasisChoice;
  onFigure(figure: BadgeFigureId, shown: boolean): void;
  onBasis(basis: ErBasisChoice): void;
}

const FIGURE_LABEL: Record<BadgeFigureId, () => string> = {
  er: () => t('options.badge.er'),
  vph: () => t('options.badge.vph'),
  growth: () => t('options.badge.growth'),
  frequency: () => t('options.badge.frequency'),
  ctr: () => t('options.badge.ctr'),
};

const BASIS_LABEL: Record<ErBasisChoice, () => string> = {
  auto: () => t('options.badge.basisAuto'),
  impressions: () => t('options.badge.basisImpressions'),
  views: () => t('options.badge.basisViews'),
  reach: () => t('options.badge.basisReach'),
  followers: () => t('options.badge.basisFollowers'),
};

export function BadgeSection({ badge, erBasis, onFigure, onBasis }: BadgeSectionProps) {
  const loading = !badge || !erBasis;
  return (
    <section class="pm-card pm-options-section" aria-labelledby="pm-badge-title" data-section="badge">
      <h2 id="pm-badge-title">{t('options.badge.title')}</h2>
      <p class="pm-hint">{t('options.badge.hint')}</p>
      <fieldset class="pm-fieldset">
        <legend>{t('options.badge.figures')}</legend>
        <ul class="pm-check-list">
          {BADGE_FIGURES.map((figure) => (
            <li key={figure}>
              <label>
                <input
                  type="checkbox"
                  name={`figure-${figure}`}
                  data-figure={figure}
                  checked={badge ? badge[figure] !== false : true}
                  disabled={loading}
                  onChange={(event) => onFigure(figure, event.currentTarget.checked)}
                />{' '}
                {FIGURE_LABEL[figure]()}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p class="pm-field">
        <label for="pm-er-basis">{t('options.badge.basis')}</label>{' '}
        <select
          id="pm-er-basis"
          name="erBasis"
          value={erBasis ?? 'auto'}
          disabled={loading}
          onChange={(event) => onBasis(event.currentTarget.value as ErBasisChoice)}
        >
          {ER_BASIS_CHOICES.map((basis) => (
            <option value={basis} key={basis}>
              {BASIS_LABEL[basis]()}
            </option>
          ))}
        </select>
      </p>
    </section>
  );
}
