// The specification's VIP template ("Crear Template Personalizado"), as a POST /templates body.
export const VIP_TEMPLATE = {
  name: 'vip_nurturing',
  description: 'Secuencia para leads VIP',
  priority_filter: 'high',
  min_score: 0,
  max_score: 100,
  total_steps: 3,
  steps_config: [
    { step: 1, delay_days: 0, subject_template: '{{first_name}}, acceso VIP', body_template: 'Contenido personalizado para VIP...' },
    { step: 2, delay_days: 2, subject_template: '{{first_name}}, seguimiento VIP', body_template: '...' },
  ],
  enabled: true,
};
