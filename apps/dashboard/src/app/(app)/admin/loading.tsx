import styles from '@/components/admin/admin.module.css';

/** The heading and the two sections, at the size of a short list. */
export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading">
      <div className="page-head page-head--skeleton">
        <span className="skeleton skeleton--h1" />
        <span className="skeleton skeleton--line" />
      </div>
      <div className={styles.sections}>
        <div className="card" aria-hidden="true">
          <span className="skeleton skeleton--title" />
          <span className="skeleton" style={{ display: 'block', height: '16rem' }} />
        </div>
        <div className="card" aria-hidden="true">
          <span className="skeleton skeleton--title" />
          <span className="skeleton" style={{ display: 'block', height: '12rem' }} />
        </div>
      </div>
    </div>
  );
}
