import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { validateTemplate } from '../../../domain/templates/template.js';
import { TEMPLATE_CATALOG, type TemplateCatalog } from '../../ports/template-catalog.js';
import { ListTemplatesQuery, type TemplateListing } from './list-templates.query.js';

@QueryHandler(ListTemplatesQuery)
export class ListTemplatesHandler implements IQueryHandler<ListTemplatesQuery> {
  constructor(@Inject(TEMPLATE_CATALOG) private readonly catalog: TemplateCatalog) {}

  async execute(): Promise<TemplateListing[]> {
    const rows = await this.catalog.list();
    return rows.map((template) => {
      const result = validateTemplate(template);
      return result.ok
        ? { template, valid: true, errors: [], warnings: result.warnings }
        : { template, valid: false, errors: result.errors, warnings: [] };
    });
  }
}
