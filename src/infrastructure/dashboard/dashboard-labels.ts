// The dashboard's words in English and Spanish (`?lang=es|en`, else the Accept-Language header).
export type DashboardLang = 'en' | 'es';

export const FUNNEL_KEYS = ['started', 'sent', 'delivered', 'opened', 'clicked', 'replied', 'qualified', 'paused', 'completed', 'stopped'] as const;

const EN = {
  title: 'Lead nurturing: live dashboard',
  signInTitle: 'Sign in to the dashboard',
  apiKey: 'API key (read scope or more)',
  signIn: 'Sign in',
  signOut: 'Sign out',
  wrongKey: 'That key is not configured, or cannot read.',
  funnel: 'Funnel',
  started: 'Started', sent: 'Sent', delivered: 'Delivered', opened: 'Opened', clicked: 'Clicked', replied: 'Replied',
  qualified: 'Qualified', paused: 'Paused', completed: 'Completed', stopped: 'Stopped',
  active: 'Active sequences',
  days: 'The 30 days up to the latest: started and qualified',
  daysAria: 'Chart: sequences started per day (bars) and leads qualified (line), the 30 days up to the latest with data',
  seriesStarted: 'Sequences started', seriesQualified: 'Leads qualified',
  runs: 'Last runs', run: 'Run', status: 'Status', stepTimings: 'Step timings',
  suppressions: 'Suppressed addresses', unmatched: 'Unmatched events',
  address: 'Address', reason: 'Reason', source: 'Source', when: 'When', event: 'Event', inTotal: 'In total', noneYet: 'None.',
  feed: 'Latest events', type: 'Type', sequence: 'Stream', time: 'Time',
  live: 'live', behind: 'behind by {n}', reconnecting: 'reconnecting…',
  noDays: 'No daily metrics yet (the pipeline refreshes them).',
  due: 'What is due next', lead: 'Lead', template: 'Template', step: 'Step', dueAt: 'Due', overdue: 'overdue', notPlanned: 'not planned',
  noDue: 'No active sequence.',
  topTemplates: 'Top templates by conversion rate', topSteps: 'Top steps by reply rate',
  templatesAria: 'Chart: the top templates by conversion rate (qualified ÷ started) of the sequences started in these days',
  stepsAria: 'Chart: the top steps by reply rate (replied ÷ sent) of the emails sent in these days',
  templatesNote: 'Over the sequences started {start} to {end}, ranked as the reports rank them; computed {at}.',
  stepsNote: 'Over the emails sent {start} to {end}, ranked as the reports rank them; computed {at}.',
  rankingsPending: 'Computing the rankings…',
  noTemplates: 'No template started a sequence in these days.',
  noSteps: 'No step had {min} or more emails sent in these days: none is ranked.',
  tooFew: '{n} more steps had fewer than {min} emails sent: not ranked.',
  dryRun: 'dry run', slowest: 'slowest', conversion: 'Conversion', qualifiedOfStarted: 'qualified / started', replyRate: 'Reply rate', repliedOfSent: 'replied / sent',
};

const ES: typeof EN = {
  title: 'Nutrición de leads: panel en vivo',
  signInTitle: 'Entrar al panel',
  apiKey: 'Clave de API (permiso de lectura o más)',
  signIn: 'Entrar',
  signOut: 'Salir',
  wrongKey: 'Esa clave no está configurada o no puede leer.',
  funnel: 'Embudo',
  started: 'Iniciadas', sent: 'Enviados', delivered: 'Entregados', opened: 'Abiertos', clicked: 'Con clic', replied: 'Respondidos',
  qualified: 'Calificadas', paused: 'Pausadas', completed: 'Completadas', stopped: 'Detenidas',
  active: 'Secuencias activas',
  days: 'Los 30 días hasta el último: iniciadas y calificadas',
  daysAria: 'Gráfico: secuencias iniciadas por día (barras) y leads calificados (línea), los 30 días hasta el último con datos',
  seriesStarted: 'Secuencias iniciadas', seriesQualified: 'Leads calificados',
  runs: 'Últimas ejecuciones', run: 'Ejecución', status: 'Estado', stepTimings: 'Tiempos por paso',
  suppressions: 'Direcciones suprimidas', unmatched: 'Eventos sin secuencia',
  address: 'Dirección', reason: 'Motivo', source: 'Origen', when: 'Cuándo', event: 'Evento', inTotal: 'En total', noneYet: 'Ninguno.',
  feed: 'Últimos eventos', type: 'Tipo', sequence: 'Flujo', time: 'Hora',
  live: 'en vivo', behind: '{n} por detrás', reconnecting: 'reconectando…',
  noDays: 'Aún no hay métricas diarias (el pipeline las refresca).',
  due: 'Próximos envíos', lead: 'Lead', template: 'Plantilla', step: 'Paso', dueAt: 'Cuándo', overdue: 'atrasado', notPlanned: 'sin fecha',
  noDue: 'No hay secuencias activas.',
  topTemplates: 'Mejores plantillas por tasa de conversión', topSteps: 'Mejores pasos por tasa de respuesta',
  templatesAria: 'Gráfico: las mejores plantillas por tasa de conversión (calificadas ÷ iniciadas) de las secuencias iniciadas en estos días',
  stepsAria: 'Gráfico: los mejores pasos por tasa de respuesta (respondidos ÷ enviados) de los emails enviados en estos días',
  templatesNote: 'Sobre las secuencias iniciadas del {start} al {end}, clasificadas como en los informes; calculado {at}.',
  stepsNote: 'Sobre los emails enviados del {start} al {end}, clasificados como en los informes; calculado {at}.',
  rankingsPending: 'Calculando las clasificaciones…',
  noTemplates: 'Ninguna plantilla inició secuencias en estos días.',
  noSteps: 'Ningún paso tuvo {min} o más emails enviados en estos días: ninguno se clasifica.',
  tooFew: '{n} pasos más tuvieron menos de {min} emails enviados: no se clasifican.',
  dryRun: 'simulación', slowest: 'el más lento', conversion: 'Conversión', qualifiedOfStarted: 'calificadas / iniciadas', replyRate: 'Tasa de respuesta', repliedOfSent: 'respondidos / enviados',
};

export type DashboardLabels = typeof EN;

export function dashboardLang(query: unknown, acceptLanguage: string | undefined): DashboardLang {
  if (query === 'es' || query === 'en') return query;
  return /^\s*es\b/i.test(acceptLanguage ?? '') ? 'es' : 'en';
}

export const labelsFor = (lang: DashboardLang): DashboardLabels => (lang === 'es' ? ES : EN);
