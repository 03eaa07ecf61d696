// Path parameters shared by several route plugins.
import { z } from 'zod'

export const uuidParam = z.object({ id: z.uuid() })
