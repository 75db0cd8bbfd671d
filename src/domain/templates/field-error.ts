/** One problem with an input, named by its field path (e.g. `steps_config[1].delay_days`). */
export interface FieldError {
  field: string;
  message: string;
}
